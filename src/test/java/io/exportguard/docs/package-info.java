/** Tests that keep the user documentation in docs/ true: its walk-throughs run, its schemas hold. */
package io.exportguard.docs;
