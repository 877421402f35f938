/**
 * Builds the opt-in stylesheet `dist/style.css` from `src/styles/index.css` (its `@import`s inlined, minified).
 * Runs after the JS build (`npm run build:css`), so it must not empty `dist/`.
 */
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

export default defineConfig({
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('dist', import.meta.url)),
    emptyOutDir: false,
    copyPublicDir: false,
    cssCodeSplit: true,
    rolldownOptions: {
      // A CSS-only input: vite emits the stylesheet and no JS chunk.
      input: { style: fileURLToPath(new URL('src/styles/index.css', import.meta.url)) },
      output: { assetFileNames: '[name][extname]' },
    },
  },
})
