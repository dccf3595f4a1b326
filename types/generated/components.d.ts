import type { Schema, Struct } from '@strapi/strapi';

export interface EditorialNote extends Struct.ComponentSchema {
  collectionName: 'components_editorial_notes';
  info: {
    description: 'A dated correction, clarification or update shown under the article.';
    displayName: 'Note to readers';
    icon: 'information';
  };
  attributes: {
    date: Schema.Attribute.DateTime;
    kind: Schema.Attribute.Enumeration<['correction', 'clarification', 'update']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'correction'>;
    text: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
  };
}

export interface SharedSeo extends Struct.ComponentSchema {
  collectionName: 'components_shared_seos';
  info: {
    description: 'What search engines and social cards show for a page.';
    displayName: 'SEO';
    icon: 'search';
  };
  attributes: {
    canonicalUrl: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2048;
      }>;
    metaDescription: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 160;
      }>;
    metaTitle: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 70;
      }>;
    ogImage: Schema.Attribute.Media<'images'>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'editorial.note': EditorialNote;
      'shared.seo': SharedSeo;
    }
  }
}
