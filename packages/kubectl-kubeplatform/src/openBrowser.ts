import { spawn } from 'node:child_process';

const PLATFORM_OPENERS: Partial<Record<NodeJS.Platform, string[]>> = {
  darwin: ['open'],
  win32: ['rundll32', 'url.dll,FileProtocolHandler'],
};

function browserCommand(): string[] {
  if (process.env.BROWSER) return [process.env.BROWSER];
  return PLATFORM_OPENERS[process.platform] ?? ['xdg-open'];
}

/** Opens a URL in the user's browser ($BROWSER first); false if nothing could be started. */
export function openBrowser(url: string): Promise<boolean> {
  const [command, ...args] = browserCommand();
  return new Promise(resolve => {
    const child = spawn(command, [...args, url], {
      detached: true,
      stdio: 'ignore',
    });
    child.once('error', () => resolve(false));
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
  });
}
