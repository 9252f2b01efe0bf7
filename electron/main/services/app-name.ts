// The app's name, defined once as package.json `productName`: it names the window, the data folder (app and CLI) and the packages.
import { productName } from '../../../package.json';

/** "Hatrack": Electron's app name and the name of the user-data folder on every OS. */
export const PRODUCT_NAME: string = productName;
