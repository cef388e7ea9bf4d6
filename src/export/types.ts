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

export const SCHEMA_BASE_URL = (version: string) => `https://unpkg.com/capacity-plan@${version}/schemas`;
