import { Command } from 'commander';
import { VERSION } from '../../version.js';
import { usageError } from '../exit-error.js';
import { SCHEMA_KINDS } from '../../schema/kinds.js';
import type { Io } from '../io.js';

export function schemaCommand(io: Io): Command {
  return new Command('schema')
    .description(
      `print the JSON Schema of a file format, generated from the same zod schemas that validate it

Examples:
  $ capacity-plan schema input > capacity-plan.schema.json
  $ capacity-plan schema plan | jq '.properties.cost'
  $ capacity-plan schema architecture`,
    )
    .argument('<kind>', SCHEMA_KINDS.join(' | '))
    .addHelpText('after', '\nExit codes: 0 ok · 2 unknown kind')
    .action(async (kind: string) => {
      if (!(SCHEMA_KINDS as readonly string[]).includes(kind))
        throw usageError(`unknown schema "${kind}": expected one of ${SCHEMA_KINDS.join(', ')}`);
      const { jsonSchema } = await import('../../schema/json-schemas.js');
      io.stdout.write(`${JSON.stringify(jsonSchema(kind as (typeof SCHEMA_KINDS)[number], VERSION), null, 2)}\n`);
    });
}
