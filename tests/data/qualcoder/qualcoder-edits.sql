-- What a QualCoder user adds, stored the way QualCoder's own dialogs store it.
insert into code_name (name, memo, owner, date, catid, color, supercid)
  values ('کد کیوکودر', 'کدی که در QualCoder ساخته شد', 'default', '2026-11-30 02:00:00', null, '#F781F3', null);
-- a new coding with a coding memo on a new span of the first source
insert into code_text (cid, fid, seltext, pos0, pos1, owner, date, memo, important)
  select cid, 1, substr((select fulltext from source where id=1), 101, 30), 100, 130, 'default',
         '2026-11-30 02:01:00', 'یادداشت کدگذاری در QualCoder', null from code_name where name='کد کیوکودر';
-- the new code also on a span Hashiye highlighted in the second source (becomes one more tag there)
insert into code_text (cid, fid, seltext, pos0, pos1, owner, date, memo, important)
  select (select cid from code_name where name='کد کیوکودر'), fid, seltext, pos0, pos1, 'default',
         '2026-11-30 02:02:00', '', null
  from code_text where fid=2 and cid=(select cid from code_name where name='مدیران');
-- annotations (QualCoder's notes on text): on a coded span of source 3, on a new span of source 3, on source 4
insert into annotation (fid, pos0, pos1, memo, owner, date)
  select fid, pos0, pos1, 'حاشیه‌نویسی در QualCoder', 'default', '2026-11-30 02:03:00'
  from code_text where fid=3 and cid=(select cid from code_name where name='مدیران');
insert into annotation (fid, pos0, pos1, memo, owner, date) values (3, 200, 240, 'دومین حاشیه‌نویسی این منبع', 'default', '2026-11-30 02:04:00');
insert into annotation (fid, pos0, pos1, memo, owner, date) values (4, 60, 90, 'حاشیه‌نویسی منبع چهارم', 'default', '2026-11-30 02:05:00');
-- a journal entry
insert into journal (name, jentry, date, owner) values ('دفتر پژوهش', 'یادداشت روزانهٔ پژوهش', '2026-11-30 02:06:00', 'default');
