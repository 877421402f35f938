/** Vitest config of the requests-per-flow measurement (bench/requests/); run by `npm run bench`, not part of `npm test`. */
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  plugins: [vue()],
  test: {
    include: ['bench/requests/**/*.test.ts'],
    environment: 'happy-dom',
    fileParallelism: false,
  },
})
