/** The RPC gateway (signature V1 and V3) and its products (ECS 2014-05-26, RAM 2015-05-01, STS 2015-04-01): one handler per action, answering JSON or XML in the services' shapes. */
package io.exportguard.sandbox.rpc;
