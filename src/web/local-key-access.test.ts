import { mayReceiveLocalKey } from './local-key-access';

test('the local key goes to loopback connections addressed by a loopback name only', () => {
  for (const [address, host] of [['127.0.0.1', 'localhost:4000'], ['::ffff:127.0.0.1', '127.0.0.1:4000'], ['::1', '[::1]:4000'], ['127.0.0.1', 'LOCALHOST']]) {
    expect(mayReceiveLocalKey(address, host)).toBe(true);
  }
  // Another machine on the network, even one that names us localhost.
  expect(mayReceiveLocalKey('192.168.1.20', 'localhost:4000')).toBe(false);
  expect(mayReceiveLocalKey('::ffff:10.0.0.7', '127.0.0.1:4000')).toBe(false);
  // DNS rebinding: a loopback connection whose Host names a foreign site.
  expect(mayReceiveLocalKey('127.0.0.1', 'evil.example:4000')).toBe(false);
  expect(mayReceiveLocalKey('127.0.0.1', 'localhost.evil.example')).toBe(false);
  expect(mayReceiveLocalKey('127.0.0.1', undefined)).toBe(false);
  expect(mayReceiveLocalKey(undefined, 'localhost')).toBe(false);
});
