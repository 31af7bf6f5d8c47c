-- Search: a GIN index over tickets.search_text (our own tokens: lowercased words and CJK
-- bigrams). Each space-separated token becomes one lexeme as it is: no parser or
-- dictionary, which would split or change tokens by the server's locale. A lexeme holds
-- at most 2,047 bytes: in text longer than that, tokens over 500 characters are left out
-- (the application never stores such tokens; a regular expression repeats at most 255
-- times, and is not run at all on shorter text).
CREATE FUNCTION crossdesk_search_vector(search_text TEXT) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT array_to_tsvector(array_remove(string_to_array(
        CASE WHEN octet_length(search_text) > 2047 AND search_text ~ '\S{250}\S{250}\S'
             THEN regexp_replace(search_text, '\S{250}\S{250}\S+', '', 'g')
             ELSE search_text END, ' '), ''))
$$;

-- Stored tokens are folded like SQLite's FTS5 folds them (unicode61 remove_diacritics 2):
-- the application folds what it writes from now on; this folds what is already there.
UPDATE tickets SET search_text = translate(search_text,
    'µàáâãäåçèéêëìíîïñòóôõöùúûüýÿāăąćĉċčďēĕėęěĝğġģĥĩīĭįĵķĺļľńņňōŏőŕŗřśŝşšţťũūŭůűųŵŷźżžſơưǎǐǒǔǖǘǚǜǟǧǩǫǭǰǵǹǻȁȃȅȇȉȋȍȏȑȓȕȗșțȟȧȩȫȭȯȱȳͅςϐϑϕϖϰϱϵḁḃḅḇḉḋḍḏḑḓḕḗḙḛḝḟḡḣḥḧḩḫḭḯḱḳḵḷḹḻḽḿṁṃṅṇṉṋṍṏṑṓṕṗṙṛṝṟṡṣṥṧṩṫṭṯṱṳṵṷṹṻṽṿẁẃẅẇẉẋẍẏẑẓẕẖẗẘẙẛạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹι'
    -- combining marks, dropped:
    || U&'\0300\0301\0302\0303\0304\0306\0307\0308\0309\030a\030b\030c\030f\0311\031b\0323\0324\0325\0326\0327\0328\032d\032e\0330\0331',
    'μaaaaaaceeeeiiiinooooouuuuyyaaaccccdeeeeegggghiiiijklllnnnooorrrssssttuuuuuuwyzzzsouaiouuuuuagkoojgnaaaeeiioorruusthaeooooyισβθφπκρεabbbcdddddeeeeefghhhhhiikkkllllmmmnnnnoooopprrrrsssssttttuuuuuvvwwwwwxxyzzzhtwysaaaaaaaaaaaaeeeeeeeeiioooooooooooouuuuuuuyyyyι')
WHERE search_text ~ '[^\x01-\x7f]';

CREATE INDEX tickets_search ON tickets USING GIN (crossdesk_search_vector(search_text));

-- The inbox: open tickets (not resolved or closed), newest activity first. Queries spell
-- the condition exactly like this (constants, not parameters) so the planner can use them.
CREATE INDEX tickets_open_recent ON tickets (last_message_at, id)
    WHERE status NOT IN ('resolved', 'closed');
CREATE INDEX tickets_open_store ON tickets (store_id, last_message_at, id)
    WHERE status NOT IN ('resolved', 'closed');
-- The pool (assignee_id IS NULL) and an agent's own tickets.
CREATE INDEX tickets_open_assignee ON tickets (assignee_id, last_message_at, id)
    WHERE status NOT IN ('resolved', 'closed');
-- The earliest running SLA due time of an open ticket (for the breached / at-risk views).
CREATE INDEX tickets_open_due ON tickets (LEAST(first_response_due_at, solution_due_at, hard_due_at))
    WHERE status NOT IN ('resolved', 'closed');
