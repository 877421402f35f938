import '../src/styles/index.css'
import type { Decorator, Loader, Preview, StoryContext } from '@storybook/vue3-vite'
import { createPinia } from 'pinia'
import { defineComponent, h, onUnmounted, provide, watch } from 'vue'
import { accountNetworksKey, createAccountNetworksContext } from '../src/plugin'
import {
  applyFailurePreset,
  createStoryScenario,
  scenarioOf,
  FAILURE_PRESETS,
  LATENCY_PRESETS,
  type FailurePreset,
  type LatencyPreset,
  type VnwStoryParameters,
} from '../stories/fixtures'
import type { MockLatency } from '../src/adapters/mock'

function latencyOf(context: StoryContext): MockLatency {
  const own = (context.parameters.vnw as VnwStoryParameters | undefined)?.latency
  if (own !== undefined) return own
  const preset = LATENCY_PRESETS[context.globals.latency as LatencyPreset] ?? LATENCY_PRESETS.none
  return preset.ms
}

/** A fresh mock backend per story render (fixed seed), with the toolbar's latency and failure injection applied. */
const vnwLoader: Loader = async (context) => {
  const parameters = (context.parameters.vnw ?? {}) as VnwStoryParameters
  const scenario = createStoryScenario(parameters.fixture ?? 'default', { pinia: createPinia(), latency: latencyOf(context) })
  applyFailurePreset(scenario.backend, (context.globals.failure as FailurePreset | undefined) ?? 'none')
  parameters.setup?.(scenario)
  return { vnw: scenario }
}

/**
 * Provides the library's context (what `app.use(createAccountNetworks({ adapter, ... }))` provides) to the story,
 * with the story's mock adapter and the toolbar's locale, and paints the story on the theme's background.
 */
const withAccountNetworks: Decorator = (storyFn, context) => {
  const scenario = scenarioOf(context)
  const Story = storyFn()
  return defineComponent({
    name: 'VnwStoryRoot',
    setup() {
      const networks = createAccountNetworksContext({
        ...scenario.options,
        adapter: scenario.adapter,
        locale: () => (context.globals.locale as string | undefined) ?? 'en-US',
      })
      provide(accountNetworksKey, networks)
      networks.queryClient.mount()
      onUnmounted(() => {
        networks.queryClient.unmount()
        networks.queryClient.clear()
      })
      // Toolbar changes after the first render apply to this story's backend.
      watch(
        () => context.globals.latency as unknown,
        () => scenario.backend.setLatency(latencyOf(context)),
      )
      watch(
        () => context.globals.failure as unknown,
        (preset) => applyFailurePreset(scenario.backend, (preset as FailurePreset | undefined) ?? 'none'),
      )
      return () =>
        h(
          'div',
          {
            class: 'vnw-story',
            'data-vnw-theme': (context.globals.theme as string | undefined) ?? 'light',
            lang: (context.globals.locale as string | undefined) ?? 'en-US',
            style: 'background: var(--vnw-bg); color: var(--vnw-fg); padding: 1rem; min-height: 100%;',
          },
          [h(Story)],
        )
    },
  })
}

const preview: Preview = {
  tags: ['autodocs'],
  loaders: [vnwLoader],
  decorators: [withAccountNetworks],
  globalTypes: {
    latency: {
      description: 'Mock API latency',
      toolbar: {
        title: 'Latency',
        icon: 'timer',
        items: (Object.keys(LATENCY_PRESETS) as LatencyPreset[]).map((value) => ({ value, title: LATENCY_PRESETS[value].title })),
        dynamicTitle: true,
      },
    },
    failure: {
      description: 'Failure injection on the mock API',
      toolbar: {
        title: 'Failures',
        icon: 'alert',
        items: (Object.keys(FAILURE_PRESETS) as FailurePreset[]).map((value) => ({ value, title: FAILURE_PRESETS[value].title })),
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Colour theme (data-vnw-theme)',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Locale for numbers and dates',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en-US', title: 'English (US)' },
          { value: 'de-DE', title: 'Deutsch' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { latency: 'none', failure: 'none', theme: 'light', locale: 'en-US' },
  parameters: {
    layout: 'fullscreen',
    controls: { matchers: { date: /Date$/i } },
    // Axe violations fail the story tests (`npx vitest run --project storybook`).
    a11y: { test: 'error' },
  },
}

export default preview
