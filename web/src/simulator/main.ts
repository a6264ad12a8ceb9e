/** The simulator page (filled in as its module lands). @module */
import { h } from '../dom.js'
import { t } from '../i18n.js'
import { layout } from '../layout.js'

layout(t('simTitle'), h('p', {}, t('notYet')))
