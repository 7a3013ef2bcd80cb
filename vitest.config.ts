// Tests are split by runtime (DESIGN.md): node by default; a DOM test opts into happy-dom
// with a `// @vitest-environment happy-dom` comment at its top.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
