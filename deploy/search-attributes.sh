#!/bin/sh
# Registers molbatch's custom search attributes on the namespace once Temporal answers.
# Safe to run again: attributes that exist are left alone. TEMPORAL_ADDRESS names the server.
set -eu
ns="${TEMPORAL_NAMESPACE:-default}"

tries=0
until temporal operator namespace describe --namespace "$ns" >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -gt 150 ]; then
    echo "search-attributes: namespace $ns not reachable at $TEMPORAL_ADDRESS after 5 minutes" >&2
    exit 1
  fi
  sleep 2
done

# Names and types the batch workflow upserts; SQL visibility offers three Int columns, all used.
for pair in MolbatchStatus:Keyword MolbatchMoleculeCount:Int MolbatchPassed:Int \
  MolbatchFailed:Int MolbatchSubmitter:Keyword; do
  name="${pair%%:*}"
  type="${pair#*:}"
  if temporal operator search-attribute list --namespace "$ns" | grep -qw "$name"; then
    echo "search-attributes: $name exists"
  else
    temporal operator search-attribute create --namespace "$ns" --name "$name" --type "$type"
    echo "search-attributes: $name ($type) created"
  fi
done
