import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { recordElementCalls } from '../../__testUtils__/recordElementCalls';
import { renderWithFetch } from '../../__testUtils__/renderWithFetch';
import { DownloadKubeconfigButton } from './DownloadKubeconfigButton';

const KUBECONFIG = 'apiVersion: v1\nkind: Config\ncurrent-context: guest-dev\n';

function answer(status: number, body: string, contentType: string) {
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: status === 403 ? 'Forbidden' : 'OK',
    url: 'http://backstage.test/api/devenv',
    headers: new Map([['content-type', contentType]]),
    text: async () => body,
  };
}

/** A Backstage error answer, as the devenv backend sends one. */
function errorAnswer(status: number, name: string, message: string) {
  return answer(
    status,
    JSON.stringify({
      error: { name, message },
      response: { statusCode: status },
    }),
    'application/json',
  );
}

async function renderButton(fetch: jest.Mock) {
  await renderWithFetch(
    <DownloadKubeconfigButton cluster="dev-eu" name="guest-dev" />,
    fetch,
  );
}

const button = () =>
  screen.getByRole('button', {
    name: 'Download kubeconfig of guest-dev on dev-eu',
  });

describe('DownloadKubeconfigButton', () => {
  const createObjectURL = jest.fn((_blob: Blob) => 'blob:kubeconfig');
  const revokeObjectURL = jest.fn();
  let clicked: HTMLAnchorElement[];

  beforeEach(() => {
    createObjectURL.mockClear();
    revokeObjectURL.mockClear();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    clicked = recordElementCalls(HTMLAnchorElement.prototype, 'click');
  });

  afterEach(() => jest.restoreAllMocks());

  it('issues a kubeconfig with the user’s session and saves it as <name>.<cluster>.kubeconfig.yaml', async () => {
    let release: () => void = () => {};
    const fetch = jest.fn(
      () =>
        new Promise(resolve => {
          release = () => resolve(answer(200, KUBECONFIG, 'application/yaml'));
        }),
    );
    await renderButton(fetch);

    await userEvent.click(button());
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage.test/api/devenv/environments/dev-eu/guest-dev/kubeconfig?format=yaml',
      { method: 'POST' },
    );
    // Disabled while the request is in flight.
    expect(button()).toBeDisabled();
    release();

    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0].download).toBe('guest-dev.dev-eu.kubeconfig.yaml');
    expect(clicked[0].href).toBe('blob:kubeconfig');
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    const saved = createObjectURL.mock.calls[0][0];
    expect(saved.type).toBe('application/yaml');
    expect(await saved.text()).toBe(KUBECONFIG);
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:kubeconfig');
    await waitFor(() => expect(button()).toBeEnabled());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it.each([
    {
      failure: 'says the user may not connect when the backend answers 403',
      status: 403,
      name: 'NotAllowedError',
      message: 'not allowed',
      shown:
        'Could not download the kubeconfig of guest-dev on dev-eu: You may not connect to this environment.',
    },
    {
      failure: 'shows the backend’s own message for other failures',
      status: 404,
      name: 'NotFoundError',
      message: 'No environment dev-eu/guest-dev',
      shown: 'No environment dev-eu/guest-dev',
    },
  ])(
    '$failure, and saves nothing',
    async ({ status, name, message, shown }) => {
      const fetch = jest.fn(async () => errorAnswer(status, name, message));
      await renderButton(fetch);

      await userEvent.click(button());
      expect(await screen.findByRole('alert')).toHaveTextContent(shown);
      expect(createObjectURL).not.toHaveBeenCalled();
      expect(clicked).toHaveLength(0);
      expect(button()).toBeEnabled();
    },
  );
});
