/** The render bench page: a production build of bench/render/ into bench/.out/render/, driven by bench/render/run.mjs. */
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  plugins: [vue()],
  build: {
    outDir: fileURLToPath(new URL('../.out/render', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
})
