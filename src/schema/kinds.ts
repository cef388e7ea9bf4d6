/** The file formats `capacity-plan schema` prints and the package ships under schemas/. */
export const SCHEMA_KINDS = ['input', 'plan', 'architecture'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];
