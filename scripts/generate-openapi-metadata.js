// Writes src/metadata.ts: the Swagger plugin's reading of the DTOs and controllers (types,
// optionality, doc comments), so the OpenAPI document needs no hand-written copy of any DTO.
// Run after changing a DTO or a route; the OpenAPI snapshot test shows what changed.
const { PluginMetadataGenerator } = require('@nestjs/cli/lib/compiler/plugins/plugin-metadata-generator');
const { ReadonlyVisitor } = require('@nestjs/swagger/plugin');
const { join } = require('node:path');

new PluginMetadataGenerator().generate({
  visitors: [new ReadonlyVisitor({ introspectComments: true, pathToSource: join(__dirname, '..', 'src'), classValidatorShim: true })],
  outputDir: join(__dirname, '..', 'src'),
  watch: false,
  tsconfigPath: 'tsconfig.json',
});
