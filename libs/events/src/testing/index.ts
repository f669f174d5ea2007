export { sampleCommandRequested, sampleParametersReported, stackSettings, testBus, testKafka, uniqueTenant, waitFor } from './stack.js';
