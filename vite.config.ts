/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { browserProjects } from './test/browser/vitest-projects.mjs'
import { e2eProjects } from './test/e2e/vitest-project.mjs'

const root = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/** Library entries, one per subpath export. */
export const entries = {
  index: root('src/index.ts'),
  mock: root('src/adapters/mock/index.ts'),
  rest: root('src/adapters/rest/index.ts'),
  testing: root('src/testing/index.ts'),
  server: root('src/server/index.ts'),
}

/** Peers and test tools are never bundled. */
const external = [/^vue($|\/)/, /^pinia($|\/)/, /^@tanstack\/vue-query($|\/)/, /^vee-validate($|\/)/, /^zod($|\/)/, /^vitest($|\/)/, /^node:/]

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: { 'vue-account-networks': root('src') },
  },
  // JS entries only. `dist/style.css` comes from a second build (vite.styles.config.ts) of src/styles/index.css:
  // the JS never imports CSS, so components work without the stylesheet. Any CSS that leaks into this build
  // (an SFC <style> block, a CSS import) would be written to dist/vue-account-networks.css, which
  // scripts/check-dist.mjs rejects.
  build: {
    target: 'es2022',
    sourcemap: true,
    emptyOutDir: true,
    lib: { entry: entries, formats: ['es'] },
    rolldownOptions: {
      external,
      output: {
        // Stable names: one file per entry, shared code in chunks/ without content hashes.
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name].js',
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/{core,mock,rest,testing,package}/**/*.test.ts'],
          typecheck: { enabled: true, checker: 'vue-tsc', include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['test/{components,composables}/**/*.test.ts'],
        },
      },
      // `browser` and `storybook`: real Chromium (see test/browser/vitest-projects.ts).
      ...browserProjects(),
      // `e2e`: the built playground driven in Chromium by Playwright, from Node (see test/e2e/vitest-project.mjs).
      ...e2eProjects(),
    ],
  },
})
