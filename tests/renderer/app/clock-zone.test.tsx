/**
 * The screen's clock shows the kiosk's configured zone, which the host tells
 * it (kiosk.info), never the machine's (issue 12, defect 13): on a machine set
 * to UTC, a Shanghai hall's clock reads Shanghai time.
 */
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../renderer/api/mock';
import { formatDate, formatTime } from '../../../renderer/app/Clock';
import { kioskInfo } from '../support/fixtures';
import { renderApp } from '../support/render-app';

const AT = new Date('2026-03-01T17:30:00Z'); // 01:30 on 2 March in Shanghai, 12:30 on 1 March in New York

describe('the clock in the configured zone', () => {
  it('formats the time and the date in the zone it is given', () => {
    expect(formatTime(AT, 'zh-CN', 'Asia/Shanghai')).toBe('01:30');
    expect(formatTime(AT, 'zh-CN', 'America/New_York')).toBe('12:30');
    expect(formatDate(AT, 'zh-CN', 'Asia/Shanghai')).toContain('3月2日');
    expect(formatDate(AT, 'en', 'America/New_York')).toContain('1 March');
  });

  it('on the attract screen, follows the zone in kiosk.info', async () => {
    vi.useFakeTimers({ now: AT, toFake: ['Date'] });
    try {
      renderApp({ 'kiosk.info': () => ok<'kiosk.info'>({ ...kioskInfo, timeZone: 'America/New_York' }) });
      await screen.findByTestId('hall-name');
      expect(screen.getByTestId('clock')).toHaveTextContent('12:30');
    } finally {
      vi.useRealTimers();
    }
  });
});
