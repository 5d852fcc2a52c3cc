import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { recordElementCalls } from '../../__testUtils__/recordElementCalls';
import { renderWithFetch } from '../../__testUtils__/renderWithFetch';
import { CliSignInPanel } from './CliSignInPanel';

const STATE = 'S'.repeat(43);
const ISSUED = {
  token: 'limited-token',
  expiresAt: '2030-01-01T00:00:00.000Z',
};

async function renderPanel(search: string, fetch: jest.Mock) {
  window.history.pushState({}, '', `/devenv${search}`);
  await renderWithFetch(<CliSignInPanel />, fetch);
}

const ok = () =>
  jest.fn(async () => ({ ok: true, status: 200, json: async () => ISSUED }));

describe('CliSignInPanel', () => {
  let submitted: HTMLFormElement[];
  beforeEach(() => {
    submitted = recordElementCalls(HTMLFormElement.prototype, 'submit');
  });
  afterEach(() => jest.restoreAllMocks());

  it('asks first, then posts a limited token to the loopback port only', async () => {
    const fetch = ok();
    await renderPanel(`?cli-port=43117&cli-state=${STATE}`, fetch);
    expect(screen.getByText(/port 43117/)).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();

    await userEvent.click(
      screen.getByRole('button', { name: 'Sign in kubectl-kubeplatform' }),
    );
    await waitFor(() => expect(submitted).toHaveLength(1));
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage.test/api/devenv/cli/token',
      { method: 'POST' },
    );
    const form = submitted[0];
    expect(form.method.toUpperCase()).toBe('POST');
    expect(form.action).toBe('http://127.0.0.1:43117/callback');
    const fields = Array.from(form.querySelectorAll('input')).map(input => [
      input.name,
      input.value,
    ]);
    expect(Object.fromEntries(fields)).toEqual({
      state: STATE,
      ...ISSUED,
    });
  });

  it('shows nothing for a request that is not a valid port and state', async () => {
    for (const search of [
      '',
      `?cli-port=80&cli-state=${STATE}`,
      `?cli-port=evil.example&cli-state=${STATE}`,
      '?cli-port=43117&cli-state=short',
    ]) {
      const fetch = ok();
      const { unmount } = await renderInTestApp(<div />);
      unmount();
      await renderPanel(search, fetch);
      expect(
        screen.queryByRole('button', { name: 'Sign in kubectl-kubeplatform' }),
      ).not.toBeInTheDocument();
    }
  });

  it('says why when the token cannot be issued, and posts nothing', async () => {
    const fetch = jest.fn(async () => ({
      ok: false,
      status: 401,
      statusText: 'Unauthorized',
      url: 'http://backstage.test/api/devenv/cli/token',
      headers: new Map([['content-type', 'text/plain']]),
      text: async () => 'no session',
    }));
    await renderPanel(`?cli-port=43117&cli-state=${STATE}`, fetch);
    await userEvent.click(
      screen.getByRole('button', { name: 'Sign in kubectl-kubeplatform' }),
    );
    expect(
      await screen.findByText(/Could not sign in kubectl-kubeplatform/),
    ).toBeInTheDocument();
    expect(submitted).toHaveLength(0);
  });
});
