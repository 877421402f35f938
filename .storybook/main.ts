import type { StorybookConfig } from '@storybook/vue3-vite'
import type { PluginOption } from 'vite'

/** Plugins that write declaration files: useless in Storybook, and they would litter its output with `.d.ts`. */
const DECLARATION_PLUGIN = /(^|[:-])dts($|[:-])|declaration/i

function withoutDeclarationPlugins(plugins: PluginOption[] | undefined): PluginOption[] {
  const out: PluginOption[] = []
  for (const plugin of plugins ?? []) {
    if (Array.isArray(plugin)) out.push(withoutDeclarationPlugins(plugin))
    else if (plugin && typeof plugin === 'object' && 'name' in plugin && DECLARATION_PLUGIN.test(String(plugin.name))) continue
    else out.push(plugin)
  }
  return out
}

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: {
    name: '@storybook/vue3-vite',
    options: { docgen: 'vue-component-meta' },
  },
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    return { ...viteConfig, plugins: withoutDeclarationPlugins(viteConfig.plugins) }
  },
}

export default config
