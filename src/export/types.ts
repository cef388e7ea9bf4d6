export interface ExportFile {
  /** Path inside the output folder, with '/' separators. */
  path: string;
  content: string;
}

export interface ExportContext {
  /** The project name as the user gave it; each exporter derives the names its tool accepts. */
  name: string;
  version: string;
}

/**
 * Where saved files' `$schema` lines point: the JSON Schemas the package ships in `schemas/`, as installed
 * in the project that runs capacity-plan (no registry release exists, so no URL of one would resolve).
 * The same path for every version: the schemas installed are the ones that match the installed tool.
 */
export const SCHEMA_BASE_URL = (_version?: string) => './node_modules/capacity-plan/schemas';
