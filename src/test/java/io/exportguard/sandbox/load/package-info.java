/** The sandbox load generator and the SDK-free request signer it and the signature tests share. */
package io.exportguard.sandbox.load;
