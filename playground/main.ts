// The library's default stylesheet (through the `vue-account-networks` alias, as a host would import its style.css).
import 'vue-account-networks/styles/index.css'
import './src/playground.css'
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './src/App.vue'
import { createDemo, demoKey } from './src/demo'

const pinia = createPinia()
const app = createApp(App)
// The mock backend keeps its state in Pinia (see it in Vue devtools).
app.use(pinia)
const demo = createDemo(pinia)
app.provide(demoKey, demo)
app.use(demo.plugin)
app.mount('#app')
