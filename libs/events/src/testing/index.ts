export { SAMPLE_METRICS, seededRandom, syntheticDeviceLog } from './synthetic-log.js';
export { sampleCommandRequested, sampleParametersReported, stackSettings, testBus, testKafka, uniqueTenant, waitFor } from './stack.js';
