-- V16: find an access log's entries by request id (decision 0024).
--
-- request_id has been in access_log since V6 (and in every entry's hash): the id of the API request
-- that wrote the entry, which is also the X-Request-Id header of its answer and the requestId field of
-- its log lines. Auditors now look entries up by it (GET /audit/log?requestId=...), so it is indexed.
-- Entries written before have the ids they had (NULL for shell and scheduled work): their hashes and
-- MACs are untouched.
CREATE INDEX access_log_request_ix ON access_log (request_id);
