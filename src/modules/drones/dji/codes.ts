/**
 * Dock error codes shown to pilots in words (DJI's error-code page lists several hundred; these are
 * the ones a street's flights meet). Anything else is shown with its number.
 */
const TEXTS: Record<number, [zh: string, en: string]> = {
  314003: ['航线文件格式不受支持', 'wayline file format not supported'],
  314005: ['航线文件校验（MD5）失败', 'wayline file MD5 check failed'],
  314013: ['机场未能获取航线文件', 'the dock could not get the wayline file'],
  316009: ['飞行器电量低于 30%，不能起飞', 'aircraft battery below 30 %'],
  316026: ['机场急停按钮被按下', 'the dock emergency stop is pressed'],
  319001: ['机场忙，正在执行其他操作', 'the dock is busy'],
  319006: ['任务已开始，不能取消（空中请下发返航）', 'the task has started and cannot be undone (send return home)'],
  319008: ['任务下发时间与机场时间相差过大（请检查 NTP）', 'task time too far from the dock clock (check NTP)'],
  319016: ['机场正在执行其他任务', 'the dock is performing another task'],
  321004: ['航线文件解析失败', 'failed to process the wayline file'],
  321513: ['航线高度超过飞行器最大限高', 'route above the aircraft maximum altitude'],
  321515: ['航线穿越限飞区', 'route crosses a GEO zone'],
  514134: ['降雨量过大，不能起飞', 'heavy rain: take-off refused'],
  514145: ['机场处于现场调试模式', 'the dock is in on-site debugging mode'],
};

export function dockErrorText(code: number, lang: 'zh-CN' | 'en'): string {
  const t = TEXTS[code];
  if (t) return lang === 'en' ? t[1] : t[0];
  return lang === 'en' ? `dock error ${code}` : `机场错误码 ${code}`;
}

/** Both languages in one string, the way the platform's other server messages are stored. */
export function dockErrorBilingual(code: number): string {
  return `${dockErrorText(code, 'zh-CN')} / ${dockErrorText(code, 'en')}`;
}

export function isKnownDockError(code: number): boolean {
  return code in TEXTS;
}
