import { hardwareReader } from '../hardware.js';

/** Google's Arm series: T2A (Ampere Altra), C4A and N4A (Axion). */
export const gcpHardware = hardwareReader((id) => /^(t2a|c4a|n4a)-/.test(id));
