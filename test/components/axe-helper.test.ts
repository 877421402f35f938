import { describe, expect, it } from 'vitest'
import { axeViolations } from '../helpers/axe'

describe('axe helper', () => {
  it('reports unlabelled controls, so component a11y checks can fail', async () => {
    document.body.innerHTML = '<main><input id="x" type="text"><button></button></main>'
    const violations = await axeViolations(document.body)
    expect(violations.map((v) => v.split(':')[0])).toEqual(expect.arrayContaining(['label', 'button-name']))
  })

  it('passes a labelled form', async () => {
    document.body.innerHTML = '<main><label for="e">Email</label><input id="e" type="email"><button>Send</button></main>'
    expect(await axeViolations(document.body)).toEqual([])
  })
})
