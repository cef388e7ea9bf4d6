import { hardwareReader } from '../hardware.js';

/** Azure's Arm (Ampere, Cobalt) sizes carry a "p" among the size letters: Standard_D2ps_v5, Standard_E4pds_v6. */
export const azureHardware = hardwareReader((id) => /^Standard_[A-Z]+\d+[a-z]*p[a-z]*_v\d+$/.test(id));
