import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp, sessionHandlers } from '../support/render-app';
import { currentStep, openCategory, startSession } from '../support/session-helpers';

describe('language switch mid-session', () => {
  it('keeps the step and page, tells the host, switches lang and speaks the prompt again in the new language', async () => {
    const user = userEvent.setup();
    const { api, voice } = renderApp(sessionHandlers);
    await screen.findByTestId('hall-name');
    await user.click(screen.getByRole('switch', { name: /长辈模式/ }));
    await startSession(user);
    await openCategory(user, 'huzheng');
    await user.click(screen.getByTestId('page-next'));
    expect(screen.getByTestId('page-label')).toHaveTextContent('第2页，共2页');

    await user.click(screen.getByTestId('language-toggle'));
    expect(currentStep()).toBe('category');
    expect(screen.getByTestId('page-label')).toHaveTextContent('Page 2 of 2');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Household registration and ID: choose a service');
    expect(document.documentElement.lang).toBe('en');
    expect(api.callsTo('session.preferences')).toEqual([{ sessionId: 's-1', language: 'en', elderMode: true }]);
    expect(voice.spoken.at(-1)).toMatchObject({ key: 'voice.category', language: 'en', text: 'Please choose the service you need.' });

    await user.click(screen.getByTestId('language-toggle'));
    expect(screen.getByTestId('page-label')).toHaveTextContent('第2页，共2页');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(voice.spoken.at(-1)).toMatchObject({ key: 'voice.category', language: 'zh-CN' });
  });

  it('the speaker button steps the volume down to mute, and muted means silent', async () => {
    const user = userEvent.setup();
    const { voice } = renderApp(sessionHandlers);
    await startSession(user);
    const speaker = screen.getByTestId('speaker-button');
    expect(speaker).toHaveAccessibleName('语音音量: 音量：高');
    await user.click(speaker);
    await user.click(speaker);
    await user.click(speaker);
    expect(speaker).toHaveAttribute('data-volume', '0');
    expect(speaker).toHaveTextContent('已静音');
    const before = voice.spoken.length;
    await openCategory(user, 'huzheng');
    expect(voice.spoken.length).toBe(before);
    await user.click(speaker);
    await user.click(screen.getByTestId('back-button'));
    expect(voice.spoken.at(-1)).toMatchObject({ key: 'voice.welcome', volume: 1 });
  });
});
