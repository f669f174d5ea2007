// What end-to-end tests use to talk to a running API the way a console does.
export { connectWs } from './ws-client.js';
