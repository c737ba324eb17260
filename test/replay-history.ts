import { createRequire } from 'node:module';
import path from 'node:path';

import type { temporal } from '@temporalio/proto';

type History = temporal.api.history.v1.IHistory;
type Protojson = { fromJson(type: unknown, json: unknown, options: object): History | null };

// The SDK's historyFromJSON fails when @temporalio/common and @temporalio/proto each bring their
// own copy of protobufjs (an `instanceof Type` check across copies): parse with the copy that
// @temporalio/proto itself resolves, whatever the layout of node_modules.
const fromProject = createRequire(path.join(process.cwd(), 'package.json'));
const fromProto = createRequire(fromProject.resolve('@temporalio/proto'));
const { fromJson } = fromProto('protobufjs/ext/protojson') as Protojson;
const { patchProtobufRoot } = fromProject('@temporalio/proto/lib/patch-protobuf-root') as {
  patchProtobufRoot(root: unknown): { lookupType(name: string): unknown };
};
const historyType = patchProtobufRoot(fromProject('@temporalio/proto')).lookupType(
  'temporal.api.history.v1.History');

/** Reads a history written by `temporal workflow show --output json` into its message form. */
export function historyFromCliJson(json: unknown): History {
  const history = fromJson(historyType, json, { ignoreUnknownFields: true });
  if (!history) {
    throw new TypeError('not a workflow history');
  }
  return history;
}
