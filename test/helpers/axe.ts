import axe from 'axe-core'

/** Runs axe on an element and returns violations as readable strings (empty when clean). */
export async function axeViolations(element: Element): Promise<string[]> {
  const result = await axe.run(element, {
    resultTypes: ['violations'],
    // happy-dom has no layout or colours: contrast is checked in the browser (Storybook) project.
    rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
  })
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
}
