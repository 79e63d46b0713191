// Writes src/metadata.ts: the Swagger plugin's reading of the DTOs, the response classes and the
// controllers (types, optionality, doc comments), so the OpenAPI document needs no hand-written
// copy of any DTO or answer. Request bodies come from `*.dto.ts`; answers from the classes in
// `*.views.ts` (and `users/user.view.ts`), named as the controllers' return types.
// Run after changing a DTO, a view or a route; the OpenAPI snapshot test shows what changed.
// This is the only place the plugin is configured: the build (tsc) reads the committed metadata.
const { PluginMetadataGenerator } = require('@nestjs/cli/lib/compiler/plugins/plugin-metadata-generator');
const { ReadonlyVisitor } = require('@nestjs/swagger/plugin');
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const outputDir = join(__dirname, '..', 'src');

new PluginMetadataGenerator().generate({
  visitors: [
    new ReadonlyVisitor({
      introspectComments: true,
      pathToSource: outputDir,
      classValidatorShim: true,
      dtoFileNameSuffix: ['.dto.ts', '.entity.ts', '.views.ts', '.view.ts'],
    }),
  ],
  outputDir,
  watch: false,
  tsconfigPath: 'tsconfig.json',
});

// A response field typed as a union of literals (`'pending' | 'held' | 'confirmed'`) becomes an
// enum in the order TypeScript keeps the union in: the order it first met each literal anywhere
// in the program, so an unrelated change elsewhere could reorder it. The views' enums are sorted,
// so the document (and its snapshot) changes only when a view does.
const file = join(outputDir, 'metadata.ts');
const sections = readFileSync(file, 'utf8').split(/(?=\[import\(")/);
const sorted = sections.map((section) =>
  /^\[import\("[^"]+\.views?"\)/.test(section)
    ? section.replace(/enum: (\["(?:[^"\\]|\\.)*"(?:, "(?:[^"\\]|\\.)*")*\])/g, (_, list) => `enum: ${JSON.stringify(JSON.parse(list).sort()).replace(/","/g, '", "')}`)
    : section,
);
writeFileSync(file, sorted.join(''));
