-- EduRecLti schema v4 (PostgreSQL): the platform's product family (tool_platform.product_family_code, LTI 1.3 Core §5.4.2)
-- kept with the course, so a background sync knows which platform quirks apply (Moodle 5.0 results without limit, issue 10).
ALTER TABLE course_sync ADD COLUMN product_family_code TEXT NULL;
