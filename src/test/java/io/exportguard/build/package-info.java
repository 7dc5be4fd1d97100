/** Build steps that need test-scope tools (ASM): run by Maven after the test classes are compiled. */
package io.exportguard.build;
