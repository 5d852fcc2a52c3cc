export { overviewCardOrderModule } from './overviewCardOrderModule';
