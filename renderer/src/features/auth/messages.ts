// The auth feature's messages: zh-CN first, English typed to match key for key.

export const zhCN = {
  login: {
    title: '登录',
    userName: '用户名',
    password: '密码',
    submit: '登录',
    working: '正在验证…',
    failed: '用户名或密码错误，请重新输入。',
    endedIdle: '长时间无操作，已自动退出登录。',
    endedElsewhere: '已在另一个窗口退出登录。',
  },
};

export const en: typeof zhCN = {
  login: {
    title: 'Sign in',
    userName: 'User name',
    password: 'Password',
    submit: 'Sign in',
    working: 'Checking…',
    failed: 'Wrong user name or password. Please try again.',
    endedIdle: 'You were signed out after a period without activity.',
    endedElsewhere: 'You signed out in another window.',
  },
};
