import type { OpsinNameOptions } from '../common/types.js';
import type { ActivityDeps, ChemResult, NameConversion } from './deps.js';

/** Input of `validateStructure`: one structure, no store. */
export interface ValidateStructureInput {
  structure: string;
}

/** What `validateStructure` returns: RDKit's answer without the descriptors. */
export type StructureOutput = Omit<ChemResult, 'index' | 'properties' | 'findings'>;

/** Input of `convertName`: one name and how OPSIN should read it. */
export interface ConvertNameInput {
  name: string;
  opsin?: OpsinNameOptions;
}

/** Builds the activity that validates one structure in the chemistry pool. */
export function validateStructureActivity({ chem }: Pick<ActivityDeps, 'chem'>) {
  return async function validateStructure(input: ValidateStructureInput): Promise<StructureOutput> {
    const [answer] = await chem.validate([{ index: 0, structure: input.structure }]);
    const { status, message, issues, score, canonicalSmiles, inchikey, formula, mw } = answer;
    return { status, message, issues, score, canonicalSmiles, inchikey, formula, mw };
  };
}

/** Builds the activity that converts one name with OPSIN. */
export function convertNameActivity({ opsin }: Pick<ActivityDeps, 'opsin'>) {
  return async function convertName(input: ConvertNameInput): Promise<NameConversion> {
    return opsin.convert(input.name, input.opsin);
  };
}
