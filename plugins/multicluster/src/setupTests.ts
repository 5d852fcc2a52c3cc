import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Two CPU cores are shared with other builds: MUI renders in jsdom can take seconds under load.
jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 10_000 });
