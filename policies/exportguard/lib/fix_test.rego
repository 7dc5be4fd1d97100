package exportguard.lib.fix_test

import data.exportguard.lib.fix
import data.exportguard.lib.fixtures

test_quote_leaves_safe_words_and_quotes_the_rest if {
	fix.quote("team-b-images") == "team-b-images"
	fix.quote("acs:oss:*:*:b") == "'acs:oss:*:*:b'"
	fix.quote("it's; rm -rf /") == `'it'\''s; rm -rf /'`
	fix.quote("$(id)") == "'$(id)'"
}
