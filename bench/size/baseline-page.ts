/**
 * The size baseline: the same peers doing a hand-written minimum (one list query, one create mutation, one
 * vee-validate form over a zod/mini schema, a plain table). What any app on this stack pays before any
 * library code: the floor the reference page is compared with.
 */
import { QueryClient, useMutation, useQuery } from '@tanstack/vue-query'
import { useForm, type TypedSchema } from 'vee-validate'
import * as z from 'zod/mini'
import { createApp, defineComponent, h } from 'vue'

const schema = z.object({
  email: z.email({ error: 'Enter a valid email address.' }),
  domain_id: z.string().check(z.minLength(1, { error: 'Choose an account type.' })),
  fee_proposed: z.optional(z.number().check(z.gte(0), z.lte(100))),
})
type Input = z.infer<typeof schema>

const typed: TypedSchema<Input, Input> = {
  __type: 'VVTypedSchema',
  async parse(values) {
    const result = await z.safeParseAsync(schema, values)
    if (result.success) return { value: result.data, errors: [] }
    return { errors: result.error.issues.map((issue) => ({ path: issue.path.join('.'), errors: [issue.message] })) }
  },
}

interface Row {
  id: string
  email: string
  status: string
}

const client = new QueryClient()
const api = (path: string, init?: RequestInit) => fetch(`/api${path}`, init).then((r) => r.json() as Promise<unknown>)

const Page = defineComponent({
  setup() {
    const list = useQuery({ queryKey: ['invitations'], queryFn: () => api('/account/network-invitations') as Promise<{ list: Row[] }> }, client)
    const create = useMutation(
      { mutationFn: (input: Input) => api('/account/network-invitations', { method: 'POST', body: JSON.stringify(input) }) },
      client,
    )
    const form = useForm<Input>({ validationSchema: typed, initialValues: { email: '', domain_id: '' } })
    const [email, emailAttrs] = form.defineField('email')
    const [domain, domainAttrs] = form.defineField('domain_id')
    const submit = form.handleSubmit((values) => create.mutateAsync(values).then(() => list.refetch()))
    return () =>
      h('main', [
        h('form', { onSubmit: submit }, [
          h('label', ['Email', h('input', { ...emailAttrs.value, type: 'email', value: email.value, onInput: (e: Event) => (email.value = (e.target as HTMLInputElement).value) })]),
          h('p', form.errors.value.email),
          h('label', ['Account type', h('select', { ...domainAttrs.value, value: domain.value, onChange: (e: Event) => (domain.value = (e.target as HTMLSelectElement).value) }, [h('option', { value: 'dom_1' }, 'Retail')])]),
          h('button', { type: 'submit' }, 'Send'),
        ]),
        h('table', [h('tbody', (list.data.value?.list ?? []).map((row) => h('tr', { key: row.id }, [h('td', row.email), h('td', row.status)])))]),
      ])
  },
})

createApp(Page).mount('#app')
