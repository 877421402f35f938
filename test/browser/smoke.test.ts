/**
 * Smoke test in a real Chromium: a library component mounted with @vue/test-utils, driven with real user events,
 * and checked by axe with colour contrast on (the real browser has layout and the default stylesheet).
 */
import '../../src/styles/index.css'
import axe from 'axe-core'
import { mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { h } from 'vue'
import NetworkActivation from '../../src/components/NetworkActivation.vue'
import { createAccountNetworks } from '../../src/plugin'
import { defaultMessages } from '../../src/messages'
import { createStoryScenario, type StoryFixtureName } from '../../stories/fixtures'

const m = defaultMessages.activation

/** Axe over the document with every rule a real browser can check, colour contrast included. */
async function violations(theme: 'light' | 'dark'): Promise<string[]> {
  const result = await axe.run(document.body, {
    resultTypes: ['violations'],
    // The component is mounted bare, outside any page landmark.
    rules: { region: { enabled: false }, 'color-contrast': { enabled: true } },
  })
  return result.violations.map((v) => `[${theme}] ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
}

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  document.body.innerHTML = ''
})

function mountActivation(fixture: StoryFixtureName, theme: 'light' | 'dark' = 'light') {
  const scenario = createStoryScenario(fixture)
  const calls: string[] = []
  const adapter = { ...scenario.adapter, activateInvitation: (token: string) => (calls.push(token), scenario.adapter.activateInvitation(token)) }
  wrapper = mount(
    { render: () => h('main', { 'data-vnw-theme': theme, style: 'background: var(--vnw-bg); padding: 1rem' }, [h(NetworkActivation, { token: scenario.token ?? '' })]) },
    { global: { plugins: [createAccountNetworks({ adapter, loginUrl: 'https://app.example/login' })] }, attachTo: document.body },
  )
  return { scenario, calls }
}

describe('NetworkActivation in Chromium', () => {
  it.each(['light', 'dark'] as const)('activates with a click and has no axe violations (%s theme)', async (theme) => {
    const { calls, scenario } = mountActivation('activationReady', theme)
    await expect.element(page.getByRole('heading', { name: m.readyTitle })).toBeVisible()
    expect(await violations(theme)).toEqual([])

    await userEvent.click(page.getByRole('button', { name: m.activate }))

    await expect.element(page.getByRole('heading', { name: m.activatedTitle })).toBeVisible()
    const signIn = page.getByRole('link', { name: m.signIn })
    await expect.element(signIn).toHaveAttribute('href', 'https://app.example/login')
    // Axe may report this only as "needs review"; the text must not be painted in its own background colour.
    const style = getComputedStyle(signIn.element())
    expect(style.color).not.toBe(style.backgroundColor)
    expect(calls).toEqual([scenario.token])
    expect(scenario.backend.outbox().at(-1)?.kind).toBe('login-instructions')
    expect(await violations(theme)).toEqual([])
  })

  it.each([
    ['activationExpired', m.expiredTitle],
    ['activationUsed', m.usedTitle],
    ['activationInvalid', m.invalidTitle],
  ] as const)('%s: shows "%s" after Activate, keyboard only, with no axe violations', async (fixture, title) => {
    mountActivation(fixture)
    const button = page.getByRole('button', { name: m.activate })
    await expect.element(button).toBeVisible()
    ;(button.element() as HTMLElement).focus()
    await userEvent.keyboard('{Enter}')
    await expect.element(page.getByRole('heading', { name: title })).toBeVisible()
    expect(await violations('light')).toEqual([])
  })
})
