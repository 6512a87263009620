import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PublicFormApp } from './PublicFormApp';
import './public-form.css';

const root = document.getElementById('root');
if (!root) throw new Error('public.html must contain #root');

createRoot(root).render(
  <StrictMode>
    <PublicFormApp />
  </StrictMode>,
);
