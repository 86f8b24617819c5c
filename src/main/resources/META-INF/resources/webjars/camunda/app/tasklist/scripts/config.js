/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// rectify-flow: Simplified Chinese by default, English selectable (see docs/webapps-locale.md)
export default {
  app: {
    name: '任务中心',
    vendor: '整治形式主义官僚主义工作平台'
  },
  locales: {
    availableLocales: ['zh-CN', 'en'],
    fallbackLocale: 'zh-CN'
  },
  // files relative to app/tasklist/, loaded before the app bootstraps
  customScripts: [
    // makes fallbackLocale the default even if the browser asks for English
    'scripts/locale-default',
    // sends the built-in login view to the application's single login page
    'scripts/single-login',
    // opens the task list sorted by due date
    'scripts/due-date-sorting',
    // removes the English prefix from the engine's refusals and translates common ones
    'scripts/engine-messages-zh',
    // translates Camunda Forms (form-js) validation messages and texts
    'scripts/form-js-zh',
    // 「保存」 keeps a form's lists on the server as well as in the browser
    'scripts/form-drafts',
    // 「完成」 stays usable in a form with a dynamic list (form-js 1.8.7 and Tasklist disagree)
    'scripts/form-list-validation',
    // the handler's workbench: task operations, 附件, 审批意见, 站内信, deadline in working days
    'scripts/workbench'
  ],
  disableWelcomeMessage: true,
  //
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // assignProcessInstanceIdToTaskComment: true,

  // shortcut descriptions are shown as they are (not translated by the app)
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '将焦点移到列表中的第一个过滤器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '将焦点移到列表中的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '将焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“启动流程”对话框'
    }
  }
};
