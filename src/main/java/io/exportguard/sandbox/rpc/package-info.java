/** The RPC products (ECS 2014-05-26, RAM 2015-05-01): one handler per action, answering JSON in the services' shapes. */
package io.exportguard.sandbox.rpc;
