// Local ESLint plugin: `layers/imports`, the layer rules of DESIGN.md ("imports only point down").
//
// One rule, configured once per layer in eslint.config.js with that layer's lists. It sees every
// way a file can pull in a module, which `no-restricted-imports` does not:
//   import … from 'x'   import 'x'   import type … from 'x'   export … from 'x'   export * from 'x'
//   import('x')  import(`x`)  require('x')  import x = require('x')  type T = import('x').T
// A specifier is one of three kinds, each checked against the layer's options:
//   - a Node builtin ('node:fs', 'fs', 'fs/promises'): allowed only where `packages` is a deny-list
//     (or an allow-list that names 'node:<name>' explicitly);
//   - a package ('react', 'react-dom/client', '@dnd-kit/core'): checked by package name against
//     `packages.allow` (an allow-list) or `packages.deny`; an entry covers the package's subpaths;
//   - a path ('./x', '../core/intake/intake', '/src/x'): resolved against the importing file, made
//     relative to the repo root (ESLint's cwd) and checked against `paths.allow` or `paths.deny`
//     (an entry 'electron/main' covers 'electron/main', 'electron/main.ts' and 'electron/main/…').
// A dynamic import whose argument is not a plain string cannot be checked here and is ignored.
import { builtinModules } from 'node:module';
import path from 'node:path';

const NODE_BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')).map((name) => name.split('/')[0]));

const listSchema = {
  type: 'object',
  properties: {
    allow: { type: 'array', items: { type: 'string' } },
    deny: { type: 'array', items: { type: 'string' } },
  },
  additionalProperties: false,
  minProperties: 1,
  maxProperties: 1,
};

/** 'react-dom/client' -> 'react-dom'; '@dnd-kit/core/x' -> '@dnd-kit/core'. */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Does a package list entry cover this specifier? An entry covers the package and its subpaths. */
function coversPackage(entry, specifier) {
  return specifier === entry || specifier.startsWith(`${entry}/`);
}

/** Does a path list entry ('core', 'electron/main') cover this repo-relative path? */
function coversPath(entry, relative) {
  return relative === entry || relative.startsWith(`${entry}/`) || relative.startsWith(`${entry}.`);
}

/** The string a module-source node holds, or undefined when it is not a constant string. */
function staticString(node) {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0)
    return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

const importsRule = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Enforce the layer rules of DESIGN.md: which packages, builtins and folders a layer may import.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          layer: { type: 'string' },
          why: { type: 'string' },
          packages: listSchema,
          paths: listSchema,
        },
        required: ['layer', 'why'],
        additionalProperties: false,
      },
    ],
    messages: {
      package:
        "Layer \"{{layer}}\": package '{{source}}' is not on this layer's allow-list ({{allowed}}; the lists are in eslint.config.js). {{why}}",
      packageDenied: 'Layer "{{layer}}": package \'{{source}}\' is forbidden here. {{why}}',
      builtin: 'Layer "{{layer}}": Node builtin \'{{source}}\' is forbidden here. {{why}}',
      path: 'Layer "{{layer}}": \'{{source}}\' resolves to {{target}}, which this layer may not import ({{rule}}). {{why}}',
    },
  },
  create(context) {
    const options = context.options[0];
    const { layer, why, packages, paths } = options;
    const root = context.cwd;
    const here = path.dirname(context.filename);

    function check(node, sourceNode) {
      const raw = staticString(sourceNode);
      if (raw === undefined) return;
      // Vite-style queries ('../assets/tray.png?asset') do not change what is imported.
      const source = raw.replace(/\?.*$/, '');
      const data = { layer, source: raw, why };

      if (source.startsWith('.') || source.startsWith('/')) {
        if (!paths) return;
        const absolute = source.startsWith('/') ? path.join(root, source) : path.resolve(here, source);
        const relative = path.relative(root, absolute).split(path.sep).join('/');
        const target =
          relative.startsWith('..') || path.isAbsolute(relative) ? `${absolute} (outside the repo)` : relative;
        if (paths.allow && !paths.allow.some((entry) => coversPath(entry, relative))) {
          context.report({
            node,
            messageId: 'path',
            data: { ...data, target, rule: `allowed: ${paths.allow.map((p) => `${p}/`).join(', ')}` },
          });
        } else if (paths.deny) {
          const entry = paths.deny.find((e) => coversPath(e, relative));
          if (entry)
            context.report({ node, messageId: 'path', data: { ...data, target, rule: `forbidden: ${entry}` } });
        }
        return;
      }

      const isBuiltin = source.startsWith('node:') || NODE_BUILTINS.has(packageName(source));
      if (isBuiltin) {
        const name = source.startsWith('node:') ? source : `node:${source}`;
        const allowed = packages?.allow
          ? packages.allow.some((entry) => coversPackage(entry, name))
          : !packages?.deny?.some((entry) => coversPackage(entry, name) || coversPackage(entry, source));
        if (!allowed) context.report({ node, messageId: 'builtin', data });
        return;
      }

      if (packages?.allow && !packages.allow.some((entry) => coversPackage(entry, source))) {
        context.report({ node, messageId: 'package', data: { ...data, allowed: packages.allow.join(', ') || 'none' } });
      } else if (packages?.deny?.some((entry) => coversPackage(entry, source))) {
        context.report({ node, messageId: 'packageDenied', data });
      }
    }

    const fromSource = (node) => check(node, node.source);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: fromSource,
      TSImportType: (node) => check(node, node.source ?? node.argument?.literal),
      TSExternalModuleReference: (node) => check(node, node.expression),
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) {
          check(node, node.arguments[0]);
        }
      },
    };
  },
};

export default {
  meta: { name: 'advisor-deck-layers' },
  rules: { imports: importsRule },
};
