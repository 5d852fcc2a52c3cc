import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { overviewCardOrderModule } from './modules/overview';
import { signInModule } from './modules/signIn';
import { kubernetesAuthModule } from './modules/kubernetesAuth';

export default createApp({
  features: [
    catalogPlugin,
    navModule,
    homeModule,
    overviewCardOrderModule,
    signInModule,
    kubernetesAuthModule,
  ],
});
