-- An invitation's role is one of the roles, as every other role column is (it was unchecked).
alter table auth_tokens add constraint auth_tokens_role_check check (role in ('admin', 'operator', 'verifier', 'viewer'));
