import { Field, ObjectType } from 'type-graphql';

@ObjectType('PageInfo', { description: 'Where a page stands in its list (Relay cursor connections).' })
export class PageInfoObject {
  @Field({
    description: 'True when more items follow this page. When paging backward with before, true because the before cursor '
      + 'itself follows.',
  })
  hasNextPage: boolean;

  @Field({
    description: 'True when items come before this page. When paging forward with after, true because the after cursor '
      + 'itself comes before.',
  })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page; pass it as before to get the page before. Null for an empty page.' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the page; pass it as after to get the next page. Null for an empty page.' })
  endCursor: string | null;
}
